package io.gitinsight.systemtest.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import io.gitinsight.systemtest.World;

/**
 * One platform for the whole run: started by the first test class that needs it, kept in the root store
 * (which closes it when the run ends, also after failures), and handed to tests as a {@link World}. A failed
 * test prints the tail of every service's log.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);
    /** A platform that failed to start is not started again by every following test class. */
    private static volatile IllegalStateException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        world(context);
    }

    static World world(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (startFailure != null) {
            throw startFailure;
        }
        return store.computeIfAbsent(World.class, key -> {
            try {
                return new World(Platform.start());
            } catch (Exception e) {
                startFailure = new IllegalStateException("the platform did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }, World.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == World.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return world(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        World world = context.getRoot().getStore(NAMESPACE).get(World.class, World.class);
        if (world != null) {
            System.err.println("system test " + context.getDisplayName() + " failed; service logs:"
                    + world.platform().logTails(40));
        }
    }
}
