package io.gitinsight.query.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Beans without a class of their own. */
@ApplicationScoped
public class QueryBeans {

    /** The clock windows and trending are measured against. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
