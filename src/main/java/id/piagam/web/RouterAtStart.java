package id.piagam.web;

import io.micronaut.context.annotation.Parallel;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;

/**
 * Builds the HTTP router (every controller's and endpoint's routes) while the service starts, on another thread beside
 * the migrations, instead of inside the first request: Micronaut creates the router when a request first needs it
 * (docs/startup.md, *Quiet check of the fourth round*).
 */
@Parallel
@Singleton
class RouterAtStart {

    RouterAtStart(Router router) {
        // creating the router is the work: its route builders read every controller and endpoint then
    }
}
