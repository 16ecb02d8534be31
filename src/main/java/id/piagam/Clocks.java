package id.piagam;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * "Today" for a secretariat is a date in Indonesia; one clock so tests can fix it. With
 * {@code piagam.clock.now} (an instant, for tests) the clock starts there and runs on, so rules on
 * dates ("nothing is certified before it happened") are tested against a known day while timeouts
 * still pass.
 */
@Factory
class Clocks {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Singleton
    Clock clock(@Value("${piagam.clock.now:}") String now) {
        // SQLite keeps instants as epoch milliseconds; tick at that precision so what is returned equals what is stored
        Clock system = Clock.tick(Clock.system(JAKARTA), Duration.ofMillis(1));
        return now.isBlank() ? system : Clock.offset(system, Duration.between(system.instant(), Instant.parse(now.trim())));
    }
}
