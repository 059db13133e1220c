package eu.borderflow.dashboard.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The last-resort handler on a request whose response Jetty has already recycled (a live stream whose browser went):
 * Javalin's own handler fails there and, in 7.2.3, fails on its failure without end. Ours must touch nothing but the
 * check.
 */
class UnexpectedFailureTest {

    @Test
    void aFailureAfterTheResponseIsGoneEndsQuietly() {
        Context ended = (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                    if (method.getName().equals("res")) {
                        throw new IllegalStateException("Response does not exist (likely recycled)");
                    }
                    throw new AssertionError("touched the ended request: " + method.getName());
                });
        assertDoesNotThrow(() -> Routes.unexpected(new IllegalStateException("from Javalin's error task"), ended));
        assertDoesNotThrow(() -> Routes.unexpected(new NullPointerException(), ended));
    }
}
