import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.xblmock.XblMockApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's CPU goes (bench/startup-profile.sh): starts the application in this JVM, then as many further
 * contexts as asked (what a new configuration costs in a warm JVM), recording the CPU time of the main thread
 * in each of Spring's startup steps (self time: the steps it contains are subtracted). CPU time rather than
 * wall time, so that a loaded machine disturbs the figures less. Prints, per context, the main thread's and the
 * process's CPU, the classes loaded and the bean definitions, then the steps by self CPU time.
 */
public final class StartupSteps {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int warm = Integer.parseInt(args[0]);
        int top = Integer.parseInt(args[1]);
        String[] appArgs = {"--server.port=0", "--logging.level.root=WARN"};
        for (int i = 0; i <= warm; i++) {
            long thread = THREADS.getCurrentThreadCpuTime();
            long process = processCpu();
            long wall = System.nanoTime();
            SpringApplication application = new SpringApplication(XblMockApplication.class);
            CpuSteps steps = new CpuSteps();
            application.setApplicationStartup(steps);
            ConfigurableApplicationContext context = application.run(appArgs);
            System.out.printf("%s context: wall %d ms, main thread CPU %d ms, process CPU %d ms, classes loaded %d, beans %d%n",
                    i == 0 ? "first" : "warm", (System.nanoTime() - wall) / 1_000_000,
                    (THREADS.getCurrentThreadCpuTime() - thread) / 1_000_000, (processCpu() - process) / 1_000_000,
                    ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), context.getBeanDefinitionCount());
            if (i == 0 || i == warm) {
                steps.print(top);
            }
            context.close();
        }
        System.exit(0);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Records the main thread's CPU time per step; steps of other threads are not recorded. */
    private static final class CpuSteps implements ApplicationStartup {

        private final Thread main = Thread.currentThread();
        private final Deque<Step> open = new ArrayDeque<>();
        private final List<Step> ended = new ArrayList<>();
        private long ids;

        @Override
        public StartupStep start(String name) {
            if (Thread.currentThread() != main) {
                return ApplicationStartup.DEFAULT.start(name);
            }
            Step step = new Step(name, ids++, open.peek());
            open.push(step);
            return step;
        }

        void print(int top) {
            List<Step> steps = new ArrayList<>(ended);
            steps.sort(Comparator.comparingLong(Step::selfNanos).reversed());
            System.out.println("  steps by main-thread CPU (self ms, name, tags):");
            steps.stream().limit(top).forEach(s -> System.out.printf("  %8.1f %s %s%n", s.selfNanos() / 1e6, s.name, s.tags));
            Map<String, long[]> byName = new TreeMap<>();
            for (Step s : steps) {
                long[] sum = byName.computeIfAbsent(s.name, k -> new long[2]);
                sum[0] += s.selfNanos();
                sum[1]++;
            }
            System.out.println("  by step name (self ms, count, name):");
            byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(top)
                    .forEach(e -> System.out.printf("  %8.1f %4d %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));
        }

        private final class Step implements StartupStep {

            private final String name;
            private final long id;
            private final Step parent;
            private final long startNanos = THREADS.getCurrentThreadCpuTime();
            private final Map<String, String> tags = new LinkedHashMap<>();
            private long nanos;
            private long childNanos;

            Step(String name, long id, Step parent) {
                this.name = name;
                this.id = id;
                this.parent = parent;
            }

            long selfNanos() {
                return nanos - childNanos;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public long getId() {
                return id;
            }

            @Override
            public Long getParentId() {
                return parent == null ? null : parent.id;
            }

            @Override
            public StartupStep tag(String key, String value) {
                tags.put(key, value);
                return this;
            }

            @Override
            public StartupStep tag(String key, Supplier<String> value) {
                return tag(key, value.get());
            }

            @Override
            public Tags getTags() {
                return Collections::emptyIterator;
            }

            @Override
            public void end() {
                nanos = THREADS.getCurrentThreadCpuTime() - startNanos;
                open.remove(this);
                if (parent != null) {
                    parent.childNanos += nanos;
                }
                ended.add(this);
            }
        }
    }
}
