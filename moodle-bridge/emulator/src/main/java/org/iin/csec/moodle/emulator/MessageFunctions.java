package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** core_message_send_instant_messages, with Moodle 4.5.6's mixed-batch bug. */
final class MessageFunctions {

    private MessageFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_message_send_instant_messages", MessageFunctions::send);
    }

    /**
     * Per-message failures come back as {@code msgid: -1} with an error message. A call that mixes a delivered and a
     * failed message still delivers, but answers with a formatnotsupported exception (the bug the captures show).
     */
    private static JsonValue send(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("messages");
        List<Object> results = new ArrayList<>();
        int delivered = 0;
        int failed = 0;
        for (FormParams item : call.params().list("messages")) {
            long to = Args.requiredInt(item, "touserid", ctx);
            String text = Args.required(item, "text", ctx);
            int format = (int) Args.optionalInt(item, "textformat", 1, ctx);
            String clientMsgId = item.string("clientmsgid");
            Site.User recipient = site.user(to);
            String error = null;
            if (recipient == null) {
                error = "You cannot send a message to a user ID (" + to + ") that doesn't exist.";
            } else if (!site.has(Site.MESSAGE_ANY_USER) && !site.sharesCourse(call.caller(), to)) {
                error = "You can't message this user due to their message preferences. Try adding them as a contact.";
            }
            Out.Obj result;
            if (error != null) {
                failed++;
                result = obj().put("msgid", -1);
                if (clientMsgId != null) {
                    result.put("clientmsgid", clientMsgId);
                }
                result.put("errormessage", error);
            } else {
                delivered++;
                String html = format(text, format);
                Site.Message message = new Site.Message(site.nextMessageId(), call.caller(), to,
                        site.conversationBetween(call.caller(), to), call.now(), html);
                site.messages.add(message);
                result = obj().put("msgid", message.id());
                if (clientMsgId != null) {
                    result.put("clientmsgid", clientMsgId);
                }
                result.put("text", html).put("timecreated", message.timecreated())
                        .put("conversationid", message.conversationId()).put("useridfrom", call.caller());
            }
            results.add(result.put("candeletemessagesforallusers", false));
        }
        if (delivered > 0 && failed > 0) {
            throw WsError.moodle("formatnotsupported", "webservice/formatnotsupported",
                    "The format with value= is not supported");
        }
        return Out.array(results);
    }

    /** Text comes back as HTML: Markdown bold and italics are converted, and the text is put in a paragraph. */
    private static String format(String text, int format) {
        String html = switch (format) {
            case 4 -> text.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replaceAll("\\*(.+?)\\*", "<em>$1</em>");
            case 2 -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            default -> text;
        };
        return html.startsWith("<p>") ? html : "<p>" + html + "</p>";
    }
}
