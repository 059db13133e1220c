package eu.borderflow.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Bytes allocated and time spent in garbage collection by this JVM between {@link #start} and {@link #stop}. The
 * allocation is the growth of the heap between collections: at each collection, the heap used before it less the
 * heap used after the previous one (GC notifications), plus the growth since the last one.
 */
final class HeapMeter implements NotificationListener {

    private long allocated;
    private long usedAfterLast;
    private long gcMillis;
    private long gcCount;
    private boolean running;

    HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
    }

    synchronized void start() {
        allocated = 0;
        usedAfterLast = heapUsed();
        gcMillis = -collectionMillis();
        gcCount = -collectionCount();
        running = true;
    }

    /** Stops and returns {allocated bytes, GC milliseconds, collections}. */
    synchronized long[] stop() {
        running = false;
        long growth = Math.max(0, heapUsed() - usedAfterLast);
        return new long[] {allocated + growth, gcMillis + collectionMillis(), gcCount + collectionCount()};
    }

    @Override
    public synchronized void handleNotification(javax.management.Notification notification, Object handback) {
        if (!running
                || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                .getGcInfo();
        long before = sum(info.getMemoryUsageBeforeGc());
        allocated += Math.max(0, before - usedAfterLast);
        usedAfterLast = sum(info.getMemoryUsageAfterGc());
    }

    /** Used bytes of the heap pools (not metaspace or the code cache, which a notification lists as well). */
    private static long sum(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pools.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long collectionCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
