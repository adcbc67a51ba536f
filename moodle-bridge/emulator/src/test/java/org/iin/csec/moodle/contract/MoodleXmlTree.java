package org.iin.csec.moodle.contract;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the REST server's XML ({@code RESPONSE/SINGLE/KEY/VALUE}, {@code MULTIPLE}, {@code EXCEPTION}) into the same
 * tree JSON gives, values as strings, so XML captures are compared like JSON ones.
 */
final class MoodleXmlTree {

    private MoodleXmlTree() {
    }

    static JsonValue parse(String xml) {
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (root.getTagName().equals("EXCEPTION")) {
                JsonObjectBuilder error = Json.createObjectBuilder().add("exception", root.getAttribute("class"));
                for (Element child : children(root)) {
                    error.add(child.getTagName().toLowerCase(java.util.Locale.ROOT), child.getTextContent());
                }
                return error.build();
            }
            List<Element> content = children(root);
            return content.isEmpty() ? JsonValue.NULL : convert(content.get(0));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not Moodle XML: " + e.getMessage(), e);
        }
    }

    private static JsonValue convert(Element element) {
        switch (element.getTagName()) {
            case "SINGLE": {
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Element key : children(element)) {
                    object.add(key.getAttribute("name"), convert(children(key).get(0)));
                }
                return object.build();
            }
            case "MULTIPLE": {
                JsonArrayBuilder array = Json.createArrayBuilder();
                children(element).forEach(child -> array.add(convert(child)));
                return array.build();
            }
            case "VALUE":
                return "null".equals(element.getAttribute("null")) ? JsonValue.NULL
                        : Json.createValue(element.getTextContent());
            default:
                throw new IllegalArgumentException("Unexpected element " + element.getTagName());
        }
    }

    private static List<Element> children(Element element) {
        List<Element> list = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                list.add((Element) node);
            }
        }
        return list;
    }
}
