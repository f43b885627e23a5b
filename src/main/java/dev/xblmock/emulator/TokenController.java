package dev.xblmock.emulator;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /_emulator/tokens}: 201 {@code {"token":…,"authorization":"XBL3.0 x=<uhs>;<token>"}}. */
@RestController
public class TokenController {

    private final TokenIssuer issuer;

    public TokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/_emulator/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TokenIssuer.Minted> mint(@RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(issuer.issue(body));
    }
}
