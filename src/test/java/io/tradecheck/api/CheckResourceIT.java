package io.tradecheck.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (rules compiled at run time inside the real jar). */
@QuarkusIntegrationTest
class CheckResourceIT extends CheckResourceTest {
}
