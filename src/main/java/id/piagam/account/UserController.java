package id.piagam.account;

import id.piagam.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/** Staff and participant accounts; administrators only. The rules are in {@link UserAdmin}. */
@Controller("/api/users")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class UserController {

    private final UserAdmin admin;

    UserController(UserAdmin admin) {
        this.admin = admin;
    }

    @Get
    List<UserRequests.UserView> list() {
        return admin.list().stream().map(UserRequests.UserView::of).toList();
    }

    @Post
    HttpResponse<UserRequests.UserView> create(@Body @Valid UserRequests.CreateUser request) {
        User saved = admin.create(request);
        return HttpResponse.created(UserRequests.UserView.of(saved), URI.create("/api/users/" + saved.id()));
    }

    @Put("/{id}")
    UserRequests.UserView update(long id, @Body @Valid UserRequests.UpdateUser request) {
        return UserRequests.UserView.of(admin.update(id, request));
    }
}
