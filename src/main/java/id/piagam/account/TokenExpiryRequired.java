package id.piagam.account;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A bearer token without an expiry is refused (the framework checks {@code exp} only when present);
 * the issuer and "not before" are checked by the framework's own validators (application.yml).
 */
@Singleton
class TokenExpiryRequired<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
