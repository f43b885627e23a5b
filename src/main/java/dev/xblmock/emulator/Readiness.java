package dev.xblmock.emulator;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Becomes ready when the application has started (listening, startup seed applied). */
@Component
public class Readiness {

    private final AtomicBoolean ready = new AtomicBoolean();

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        ready.set(true);
    }

    public boolean isReady() {
        return ready.get();
    }
}
