package dev.xblmock.common.identity;

/** One process: its own random secret. */
class ProcessTokenSharingTest extends TokenSharingContract {

    @Override
    protected EmulatorTokens firstInstance() {
        return new EmulatorTokens(new AuthProperties(AuthMode.STRICT, null));
    }

    @Override
    protected EmulatorTokens otherInstance() {
        return tokens;
    }
}
