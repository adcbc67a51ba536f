package org.iin.csec.moodle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Sends a batch write in chunks Moodle accepts and isolates the items Moodle rejects. Moodle runs each call in one
 * transaction, so one bad item fails the whole call: a rejected part is halved and both halves sent again until the
 * bad item stands alone, costing about 2 log2(n) extra calls per bad item. Failures that are not about an item
 * (Moodle unreachable, token or capability) stop the run; the items not yet settled are reported as unconfirmed.
 */
final class BatchSplitter {

    /** One Moodle call for a part of the batch. */
    @FunctionalInterface
    interface Call<T, R> {
        List<R> send(List<T> items) throws MoodleException;
    }

    private BatchSplitter() {
    }

    static <T, R> BatchOutcome<T, R> run(List<T> items, int chunkSize, Call<T, R> call) {
        List<R> succeeded = new ArrayList<>();
        List<BatchOutcome.Rejected<T>> rejected = new ArrayList<>();
        Deque<List<T>> parts = new ArrayDeque<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            parts.addLast(List.copyOf(items.subList(from, Math.min(items.size(), from + chunkSize))));
        }
        while (!parts.isEmpty()) {
            List<T> part = parts.removeFirst();
            try {
                succeeded.addAll(call.send(part));
            } catch (MoodleErrorException e) {
                if (!isAboutAnItem(e)) {
                    return stopped(succeeded, rejected, part, parts, e);
                }
                if (part.size() == 1) {
                    rejected.add(new BatchOutcome.Rejected<>(part.get(0), e));
                } else {
                    int half = part.size() / 2;
                    parts.addFirst(part.subList(half, part.size()));
                    parts.addFirst(part.subList(0, half));
                }
            } catch (MoodleException e) {
                return stopped(succeeded, rejected, part, parts, e);
            }
        }
        return new BatchOutcome<>(succeeded, rejected, List.of(), null);
    }

    /** Moodle's own refusal of the data, as opposed to access problems or a site in maintenance. */
    private static boolean isAboutAnItem(MoodleErrorException e) {
        return !(e instanceof MoodleAccessException) && !e.isRetryable();
    }

    private static <T, R> BatchOutcome<T, R> stopped(List<R> succeeded, List<BatchOutcome.Rejected<T>> rejected,
            List<T> current, Deque<List<T>> remaining, MoodleException cause) {
        List<T> unconfirmed = new ArrayList<>(current);
        remaining.forEach(unconfirmed::addAll);
        return new BatchOutcome<>(succeeded, rejected, unconfirmed, cause);
    }
}
