package id.piagam.account;

import id.piagam.security.Roles;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a valid bearer token into the caller, from the account as it is now rather than as it was
 * when the token was issued: the token names the account ({@code userId}) and the account's token
 * version ({@code ver}); a disabled account, or one whose version moved on (role change, disable,
 * new password, sign-out), is refused, and the role is the database's, never the token's.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
class AccountTokenAuthentication implements JwtAuthenticationFactory {

    static final String USER_ID = "userId";
    static final String VERSION = "ver";

    private final CurrentAccounts accounts;

    AccountTokenAuthentication(CurrentAccounts accounts) {
        this.accounts = accounts;
    }

    /** What a valid token says of its holder: the account, the account's token version then, and its name. */
    record Holder(long userId, int version, String subject) {

        static Optional<Holder> of(JWTClaimsSet claims) {
            if (!(claims.getClaim(USER_ID) instanceof Number id) || !(claims.getClaim(VERSION) instanceof Number version)
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new Holder(id.longValue(), version.intValue(), claims.getSubject()));
        }
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            return Holder.of(token.getJWTClaimsSet()).flatMap(this::authenticate);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The holder as their account is now: nothing for a disabled account or a token version that moved on. */
    Optional<Authentication> authenticate(Holder holder) {
        return accounts.find(holder.userId())
                .filter(u -> u.enabled() && u.tokenVersion() == holder.version() && u.username().equals(holder.subject()))
                .map(AccountTokenAuthentication::authentication);
    }

    /** The caller as the pages and the API see it: name, the current role, ids. */
    static Authentication authentication(User u) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(USER_ID, u.id());
        attributes.put(VERSION, u.tokenVersion());
        if (u.participantId() != null) {
            attributes.put(Roles.PARTICIPANT_ID_ATTRIBUTE, u.participantId());
        }
        return Authentication.build(u.username(), List.of(u.role().name()), attributes);
    }
}
