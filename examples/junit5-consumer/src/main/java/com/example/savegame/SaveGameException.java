package com.example.savegame;

/** Xbox Live refused a request, or kept failing after the retries. */
public class SaveGameException extends RuntimeException {

    private final int status;

    public SaveGameException(String message, int status) {
        super(message + " (HTTP " + status + ")");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
