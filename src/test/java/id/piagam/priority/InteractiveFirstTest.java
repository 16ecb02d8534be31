package id.piagam.priority;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gate itself, with two renderers that wait for each other: no timing, only who is admitted. */
class InteractiveFirstTest {

    private final InteractiveRequests requests = new InteractiveRequests();
    private final InteractiveFirst gate = new InteractiveFirst(requests, 1, Duration.ofMillis(10));
    private final ExecutorService renderers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        renderers.shutdownNow();
    }

    /** A request in flight, and a first renderer admitted that stays inside the gate until {@code release} opens. */
    private Future<Object> firstRendererInsideWhileARequestIsInFlight(CountDownLatch release, Callable<Object> afterRelease)
            throws InterruptedException {
        requests.started();
        CountDownLatch firstIn = new CountDownLatch(1);
        Future<Object> first = renderers.submit(() -> gate.call(() -> {
            firstIn.countDown();
            release.await();
            return afterRelease.call();
        }));
        firstIn.await();
        return first;
    }

    @Test
    void whenNobodyAsksBothRenderersRunAtOnce() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Future<?> a = renderers.submit(() -> gate.call(() -> { both.countDown(); both.await(); return 1; }));
        Future<?> b = renderers.submit(() -> gate.call(() -> { both.countDown(); both.await(); return 2; }));

        assertThat(a.get()).isEqualTo(1); // each finishes only once the other has started too
        assertThat(b.get()).isEqualTo(2);
        assertThat(gate.counts().idle()).isEqualTo(2);
        assertThat(gate.counts().peakIdle()).isEqualTo(2);
        assertThat(gate.counts().alongsideRequests()).isZero();
    }

    @Test
    void whileARequestIsInFlightTheSecondRendererWaitsForTheFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = firstRendererInsideWhileARequestIsInFlight(release, () -> 1);
        Future<?> second = renderers.submit(() -> gate.call(() -> 2));

        await().until(() -> gate.counts().waiting() == 1);
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(first.get()).isEqualTo(1);
        assertThat(second.get()).isEqualTo(2);
        assertThat(gate.counts().alongsideRequests()).isEqualTo(2);
        assertThat(gate.counts().peakAlongsideRequests()).isEqualTo(1);
    }

    @Test
    void aHeldRendererStartsOnceTheRequestsHaveGoneQuiet() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = firstRendererInsideWhileARequestIsInFlight(release, () -> 1);
        Future<?> second = renderers.submit(() -> gate.call(() -> 2));
        await().until(() -> gate.counts().waiting() == 1);

        requests.ended();

        assertThat(second.get()).as("admitted while the first still renders").isEqualTo(2);
        assertThat(gate.counts().peakIdle()).isEqualTo(2);
        release.countDown();
        assertThat(first.get()).isEqualTo(1);
    }

    @Test
    void heldRenderersPassInTheOrderTheyCame() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = firstRendererInsideWhileARequestIsInFlight(release, () -> order.add(1));
        Future<?> second = renderers.submit(() -> gate.call(() -> order.add(2)));
        await().until(() -> gate.counts().waiting() == 1);
        Future<?> third = renderers.submit(() -> gate.call(() -> order.add(3)));
        await().until(() -> gate.counts().waiting() == 2);

        release.countDown();
        first.get();
        second.get();
        third.get();
        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void aRendererStoppedWhileWaitingDoesNotHoldUpTheOnesBehindIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> first = firstRendererInsideWhileARequestIsInFlight(release, () -> 1);
        Future<?> stopped = renderers.submit(() -> gate.call(() -> 2));
        await().until(() -> gate.counts().waiting() == 1);
        Future<?> third = renderers.submit(() -> gate.call(() -> 3));
        await().until(() -> gate.counts().waiting() == 2);

        stopped.cancel(true);
        await().until(() -> gate.counts().waiting() == 1);
        release.countDown();

        assertThat(first.get()).isEqualTo(1);
        assertThat(third.get()).isEqualTo(3);
    }
}
