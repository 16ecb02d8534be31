package id.piagam.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests that must see where the database is read: wraps the account repository so that the name
 * of the thread of every {@code findById} (the account check behind each bearer token) is recorded.
 * Only in contexts with {@code piagam.test.account-read-threads=true}.
 */
@Singleton
@Requires(property = "piagam.test.account-read-threads", value = "true")
class AccountReadThreads implements BeanCreatedEventListener<UserRepository> {

    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public UserRepository onCreated(BeanCreatedEvent<UserRepository> event) {
        UserRepository real = event.getBean();
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(), new Class<?>[]{UserRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findById")) {
                        threads.add(Thread.currentThread().getName());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
