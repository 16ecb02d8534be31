package id.piagam.account;

import id.piagam.security.Roles;
import id.piagam.web.ClientAddresses;
import id.piagam.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of the web pages. The form carries a CSRF token (a double-submit cookie before
 * sign-in, the session's token after; both checked by {@link CsrfFilter}); sign-in failures count towards the same throttle as the API;
 * signing out ends the session on the server.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInPage {

    private final AccountProvider<?> accounts;
    private final WebSessions sessions;
    private final UserRepository users;
    private final LoginThrottle clients;
    private final Pages pages;
    private final CurrentAccounts accountStates;
    private final ClientAddresses addresses;
    private final AccountLanguages languages;

    SignInPage(AccountProvider<?> accounts, WebSessions sessions, UserRepository users, @Named("clients") LoginThrottle clients,
               Pages pages, CurrentAccounts accountStates, ClientAddresses addresses, AccountLanguages languages) {
        this.addresses = addresses;
        this.languages = languages;
        this.accountStates = accountStates;
        this.accounts = accounts;
        this.sessions = sessions;
        this.users = users;
        this.clients = clients;
        this.pages = pages;
    }

    @Get("/masuk")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication auth) {
        if (auth != null) {
            return HttpResponse.seeOther(URI.create(home(auth)));
        }
        String token = request.getCookies().findCookie(WebSessions.FORM_COOKIE).map(Cookie::getValue).orElseGet(WebSessions::random);
        return render(request, HttpStatus.OK, token, null, null);
    }

    @Post(value = "/masuk", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SuppressWarnings({"unchecked", "rawtypes"})
    HttpResponse<?> signIn(@Body Map<String, String> form, HttpRequest<?> request) {
        String expected = request.getCookies().findCookie(WebSessions.FORM_COOKIE).map(Cookie::getValue).orElse(null);
        String username = Optional.ofNullable(form.get("username")).orElse("").trim();
        if (clients.lockedFor(LoginThrottleFilter.clientKey(addresses, request)).isPresent()) {
            return render(request, HttpStatus.TOO_MANY_REQUESTS, expected, username, pages.text(request, "problem.login.locked"));
        }
        AuthenticationResponse response = ((AccountProvider) accounts).authenticate(request,
                new UsernamePasswordCredentials(username, Optional.ofNullable(form.get("password")).orElse("")));
        if (!response.isAuthenticated()) {
            return render(request, HttpStatus.UNAUTHORIZED, expected, username, pages.text(request, "signIn.failed"));
        }
        User user = users.findByUsername(response.getAuthentication().orElseThrow().getName()).orElseThrow();
        languages.keepChosenBeforeSignIn(user, request);
        WebSessions.Started started = sessions.start(user);
        return HttpResponse.seeOther(URI.create(user.role() == Role.PARTICIPANT ? "/saya" : "/"))
                .cookie(sessions.cookie(started))
                .cookie(WebSessions.expired(WebSessions.FORM_COOKIE));
    }

    @Post(value = "/keluar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(Authentication auth) {
        Object sessionId = auth.getAttributes().get(WebSessionAuthenticationFetcher.SESSION_ID);
        if (sessionId == null) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        sessions.end((String) sessionId);
        // signing out ends every session and token of the account issued before, not just this one
        accountStates.revoke(((Number) auth.getAttributes().get(AccountTokenAuthentication.USER_ID)).longValue());
        return HttpResponse.seeOther(URI.create("/masuk")).cookie(WebSessions.expired(WebSessions.COOKIE));
    }

    private HttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String csrf, String username, String error) {
        Map<String, Object> model = pages.model(request, null);
        model.put("csrf", csrf);
        model.put("username", username);
        model.put("error", error);
        return HttpResponse.status(status).body(new ModelAndView<>("masuk", model)).cookie(sessions.formCookie(csrf));
    }

    private static String home(Authentication auth) {
        return auth.getRoles().contains(Roles.PARTICIPANT) ? "/saya" : "/";
    }
}
