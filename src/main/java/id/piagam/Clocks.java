package id.piagam;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** "Today" for a secretariat is a date in Indonesia; one clock so tests can fix it. */
@Factory
class Clocks {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Singleton
    Clock clock() {
        // SQLite keeps instants as epoch milliseconds; tick at that precision so what is returned equals what is stored
        return Clock.tick(Clock.system(JAKARTA), Duration.ofMillis(1));
    }
}
