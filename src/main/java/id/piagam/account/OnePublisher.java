package id.piagam.account;

import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Emits at most one caller, computed on the given executor (the blocking pool for anything that may read the
 * database, so that the event loop never waits on it).
 */
final class OnePublisher implements Publisher<Authentication> {
    private final Supplier<Optional<Authentication>> supplier;
    private final Executor executor;

    OnePublisher(Supplier<Optional<Authentication>> supplier, Executor executor) {
        this.supplier = supplier;
        this.executor = executor;
    }

    @Override
    public void subscribe(Subscriber<? super Authentication> subscriber) {
        AtomicBoolean started = new AtomicBoolean();
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (n > 0 && started.compareAndSet(false, true)) {
                    executor.execute(() -> {
                        try {
                            supplier.get().ifPresent(subscriber::onNext);
                            subscriber.onComplete();
                        } catch (RuntimeException e) {
                            subscriber.onError(e);
                        }
                    });
                }
            }

            @Override
            public void cancel() {
                started.set(true);
            }
        });
    }
}
