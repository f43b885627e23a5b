package dev.xblmock.testsupport;

import java.util.List;
import java.util.Map;

import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.common.storage.Resettable;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the black-box tests: a real server on a random port, driven over HTTP with REST-assured, with
 * every piece of emulator state reset before each test. All ITs share this one configuration so Spring
 * caches a single context; a test needing other properties declares its own (and pays a context start).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIT {

    /** The placeholder header real clients send without sign-in (XSAPI C# port, mock mode). */
    public static final String PLACEHOLDER_AUTH = "XBL3.0 x=;";

    @LocalServerPort
    protected int port;

    @Autowired
    private List<Resettable> resettables;

    /** Signs tokens as the emulator's token endpoint does (strict mode accepts only these). */
    @Autowired
    protected EmulatorTokens tokens;

    @BeforeEach
    void resetEmulator() {
        RestAssured.port = port;
        resettables.forEach(Resettable::reset);
    }

    /** A request with the placeholder authorization of an anonymous client. */
    protected RequestSpecification anonymous() {
        return RestAssured.given().port(port).header("Authorization", PLACEHOLDER_AUTH);
    }

    /** A request with no headers at all. */
    protected RequestSpecification bare() {
        return RestAssured.given().port(port);
    }

    /** The Authorization header of a signed-in client: an emulator token with these claims, under this user hash. */
    protected String authorization(String userHash, Map<String, Object> claims) {
        return "XBL3.0 x=" + userHash + ";" + tokens.encode(claims);
    }

    /** A request as user {@code xuid} with a token valid for an hour; paths go on the wire as written. */
    protected RequestSpecification as(String xuid) {
        return bare().urlEncodingEnabled(false)
                .header("Authorization", authorization(xuid, Map.of("xid", xuid, "exp", inAnHour())));
    }

    /** An {@code exp} claim an hour from now. */
    protected static long inAnHour() {
        return System.currentTimeMillis() / 1000 + 3600;
    }
}
