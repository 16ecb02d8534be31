package id.piagam.account;

import id.piagam.web.LanguageChoice;
import id.piagam.web.Messages;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The language a person reads in, kept on their account: the pages' switch ({@code /bahasa/en}) made
 * while signed in sets it, and the email written to that person uses it. Someone who never chose, or has
 * no account yet, reads Bahasa Indonesia.
 */
@Singleton
public class AccountLanguages {

    private final UserRepository users;

    AccountLanguages(UserRepository users) {
        this.users = users;
    }

    @EventListener
    void onChoice(LanguageChoice choice) {
        users.chooseLanguage(choice.username(), choice.language());
    }

    /** The language of the participant's account: English when chosen, else Bahasa Indonesia. */
    public Locale of(Long participantId) {
        return participantId != null && users.findLanguageByParticipant(participantId).contains("en") ? Locale.ENGLISH : Messages.INDONESIAN;
    }
}
