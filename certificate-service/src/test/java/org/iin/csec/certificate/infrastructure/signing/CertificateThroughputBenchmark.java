package org.iin.csec.certificate.infrastructure.signing;

import com.sun.management.OperatingSystemMXBean;
import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.infrastructure.pdf.CertificatePdfRenderer;
import org.iin.csec.certificate.infrastructure.pdf.SampleCertificates;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many certificates per second the service can issue: render, IIN signature, state signature (RSA-2048,
 * credentials unlocked once per batch as in batch signing), on one thread and on two, and a batch of 1,750
 * (35 states x 50 seats) with its heap use. Run with {@code certificate-service/bench.sh}; not a test.
 */
public final class CertificateThroughputBenchmark {

    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 600;
    private static final int BATCH = 1_750;

    private final CertificatePdfRenderer renderer = new CertificatePdfRenderer();
    private final CertificateSigner signer = new CertificateSigner();
    private final SigningCredential iin;
    private final SigningCredential state;
    private final SignerAppearance iinAppearance =
            new SignerAppearance("Ana Lucía Gonçalves", "Coordinadora del curso");
    private final SignerAppearance stateAppearance =
            new SignerAppearance("Joaquín Ibáñez", "Director Nacional de Niñez");
    private final AtomicLong bytes = new AtomicLong();

    private CertificateThroughputBenchmark(SigningCredential iin, SigningCredential state) {
        this.iin = iin;
        this.state = state;
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MB%n",
                Runtime.version(), cores, Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        try (SigningCredential iin = TestCredentials.create("Ana Lucía Gonçalves", "IIN").unlock();
             SigningCredential state = TestCredentials.create("Joaquín Ibáñez", "SENAF").unlock()) {
            CertificateThroughputBenchmark benchmark = new CertificateThroughputBenchmark(iin, state);
            benchmark.issue();
            System.out.printf(Locale.ROOT, "first certificate (key generation, class loading, fonts, BouncyCastle): "
                    + "%.0f ms%n", (System.nanoTime() - start) / 1e6);

            benchmark.run(1, WARM_UP);
            benchmark.stages(MEASURED / 2);
            benchmark.report("1 thread ", benchmark.run(1, MEASURED));
            benchmark.report("2 threads", benchmark.run(2, MEASURED));
            benchmark.batch(Math.min(2, cores));
        }
    }

    /** Renders and signs one certificate, as the service does for one eligible participant. */
    private void issue() {
        CertificateContent content = SampleCertificates.spanish();
        byte[] prepared = renderer.render(content);
        byte[] half = signer.sign(prepared, SignerRole.IIN.fieldName(), iin, iinAppearance);
        byte[] signed = signer.sign(half, SignerRole.STATE.fieldName(), state, stateAppearance);
        bytes.addAndGet(signed.length);
    }

    private void stages(int count) {
        long render = 0;
        long first = 0;
        long second = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            byte[] prepared = renderer.render(SampleCertificates.spanish());
            long t1 = System.nanoTime();
            byte[] half = signer.sign(prepared, SignerRole.IIN.fieldName(), iin, iinAppearance);
            long t2 = System.nanoTime();
            signer.sign(half, SignerRole.STATE.fieldName(), state, stateAppearance);
            long t3 = System.nanoTime();
            render += t1 - t0;
            first += t2 - t1;
            second += t3 - t2;
        }
        System.out.printf(Locale.ROOT, "per certificate, 1 thread: render %.2f ms, IIN signature %.2f ms, "
                + "state signature %.2f ms%n", render / 1e6 / count, first / 1e6 / count, second / 1e6 / count);
    }

    /** Certificates per second, by the wall clock and by this process's CPU time (GC and JIT threads included). */
    private record Rate(int count, double wallSeconds, double cpuSeconds) {
    }

    private Rate run(int threads, int count) throws Exception {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        issueAll(threads, count);
        return new Rate(count, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
    }

    private void report(String label, Rate rate) {
        System.out.printf(Locale.ROOT, "%s: %6.1f certificates/s by the wall clock; %6.1f per CPU-second "
                        + "(per core, unaffected by other processes on the machine)%n",
                label, rate.count() / rate.wallSeconds(), rate.count() / rate.cpuSeconds());
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void batch(int threads) throws Exception {
        long before = usedAfterGc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        bytes.set(0);
        Rate rate = run(threads, BATCH);
        sampler.interrupt();
        sampler.join();
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "batch of %d on %d threads: %.1f s (%.1f certificates/s; %.1f s of CPU), "
                        + "%.1f MB of signed PDFs (%.1f KB each)%n",
                BATCH, threads, rate.wallSeconds(), BATCH / rate.wallSeconds(), rate.cpuSeconds(),
                bytes.get() / 1e6, bytes.get() / 1e3 / BATCH);
        System.out.printf(Locale.ROOT, "heap used: before %d MB, after %d MB (both after a full GC), "
                + "peak during the batch %d MB (sampled every 5 ms; includes garbage not yet collected)%n",
                before >> 20, after >> 20, sampler.peak >> 20);
    }

    private void issueAll(int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        issue();
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples heap use often, since pool peak counters only see the state at GC boundaries. */
    private static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
