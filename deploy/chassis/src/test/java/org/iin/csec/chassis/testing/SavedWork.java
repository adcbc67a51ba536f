package org.iin.csec.chassis.testing;

import org.iin.csec.chassis.outbox.OutboxWork;

import java.lang.reflect.Field;

/** Outbox items as the database would hand them back, for tests without one: with the id it would give. */
public final class SavedWork {

    private SavedWork() {
    }

    public static <I extends OutboxWork> I withId(I item, long id) {
        try {
            Field field = OutboxWork.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(item, id);
            return item;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
