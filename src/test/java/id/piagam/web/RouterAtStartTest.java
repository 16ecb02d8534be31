package id.piagam.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router is built while the service starts, beside the migrations, not by the first request (docs/startup.md): the
 * parallel start-up bean that asks for it is created without any request. (What it saves, 0.18 s until the first
 * `/health` answer on a quiet machine, is measured by src/test/startup/run.sh, not here.)
 */
@MicronautTest(transactional = false)
class RouterAtStartTest {

    @Inject
    ApplicationContext context;

    @Test
    void theRouterExistsBeforeAnyRequestHasBeenMade() {
        // no request has reached this context: only the start can have created them
        await("the router built beside the start").until(() -> !context.getActiveBeanRegistrations(RouterAtStart.class).isEmpty());
        Router router = context.getActiveBeanRegistrations(Router.class).iterator().next().getBean();
        assertThat(router.uriRoutes().map(route -> route.getUriMatchTemplate().toString()))
                .as("the controllers' and endpoints' routes").contains("/health", "/api/verify/{code}");
    }
}
