package dev.xblmock.common.web;

/** Recognises the exceptions a servlet container throws when the client closed the connection. */
public final class ClientDisconnects {

    private ClientDisconnects() {
    }

    public static boolean isDisconnect(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("AsyncRequestNotUsableException")
                    || name.equals("EOFException")) {
                return true;
            }
            String message = c.getMessage();
            if (c instanceof java.io.IOException && message != null
                    && (message.contains("Broken pipe") || message.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
