package id.piagam.account;

import id.piagam.web.LanguageChoice;
import id.piagam.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The language a person reads in, kept on their account: the pages' switch ({@code /bahasa/en}) made
 * while signed in sets it, a switch made before signing in (kept in the {@code lang} cookie) becomes the
 * account's at sign-in when the account has none yet, and the email written to that person uses it.
 * Someone who never chose, or has no account yet, reads Bahasa Indonesia.
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

    /**
     * At sign-in (with a password or by accepting an invitation): the language the person switched to
     * before, on the sign-in or public pages, becomes the account's unless it chose one already.
     */
    public void keepChosenBeforeSignIn(User user, HttpRequest<?> request) {
        request.getCookies().findCookie(Messages.LANGUAGE_COOKIE).map(Cookie::getValue)
                .filter(lang -> lang.equals("en") || lang.equals("id"))
                .ifPresent(lang -> users.adoptLanguage(user.id(), lang));
    }

    /** The language of the participant's account: English when chosen, else Bahasa Indonesia. */
    public Locale of(Long participantId) {
        return participantId != null && users.findLanguageByParticipant(participantId).contains("en") ? Locale.ENGLISH : Messages.INDONESIAN;
    }
}
