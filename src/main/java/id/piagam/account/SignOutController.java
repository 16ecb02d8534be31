package id.piagam.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /logout} with a bearer token: ends every token and web session of the caller's
 * account issued so far (the counterpart of {@code POST /login}).
 */
@Controller("/logout")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class SignOutController {

    private final CurrentAccounts accounts;

    SignOutController(CurrentAccounts accounts) {
        this.accounts = accounts;
    }

    @Post
    HttpResponse<Void> signOut(Authentication auth) {
        accounts.revoke(((Number) auth.getAttributes().get(AccountTokenAuthentication.USER_ID)).longValue());
        return HttpResponse.noContent();
    }
}
