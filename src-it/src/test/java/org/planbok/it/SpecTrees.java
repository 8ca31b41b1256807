package org.planbok.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenAPI documents as trees, in one canonical form, so that the committed spec and the served one
 * can be compared semantically: keys sorted at every level (the generator's order follows class
 * scanning, which varies between runs), {@code required} and {@code tags} lists sorted, and a
 * readable list of the differences.
 */
final class SpecTrees {
  private static final List<String> TOP = List.of("openapi", "info", "servers", "tags", "paths");

  private SpecTrees() {}

  static JsonNode parse(String yamlOrJson) {
    try {
      return canonical(Yaml.mapper().readTree(yamlOrJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yaml(JsonNode tree) {
    try {
      return Yaml.pretty().writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode canonical(JsonNode node) {
    ObjectNode top = JsonNodeFactory.instance.objectNode();
    for (String key : TOP) {
      if (node.has(key)) {
        top.set(key, sorted(key, node.get(key)));
      }
    }
    Set<String> rest = new TreeSet<>();
    node.fieldNames().forEachRemaining(rest::add);
    rest.removeAll(TOP);
    for (String key : rest) {
      top.set(key, sorted(key, node.get(key)));
    }
    return top;
  }

  private static JsonNode sorted(String name, JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Set<String> keys = new TreeSet<>();
      node.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        out.set(key, sorted(key, node.get(key)));
      }
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sorted("", item)));
      if ((name.equals("required") || name.equals("tags"))
          && items.stream().allMatch(i -> i.isTextual())) {
        items.sort((a, b) -> a.asText().compareTo(b.asText()));
      } else if (name.equals("tags")) {
        items.sort((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()));
      }
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }

  /** Where {@code served} differs from {@code committed}, one line each, JSON-pointer paths. */
  static List<String> differences(JsonNode committed, JsonNode served) {
    List<String> lines = new ArrayList<>();
    diff("", committed, served, lines);
    return lines;
  }

  private static void diff(String at, JsonNode committed, JsonNode served, List<String> lines) {
    if (committed.equals(served)) {
      return;
    }
    if (committed.isObject() && served.isObject()) {
      Set<String> keys = new TreeSet<>();
      committed.fieldNames().forEachRemaining(keys::add);
      served.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String path = at + "/" + key.replace("~", "~0").replace("/", "~1");
        if (!committed.has(key)) {
          lines.add("+ " + path + " (only served): " + brief(served.get(key)));
        } else if (!served.has(key)) {
          lines.add("- " + path + " (only committed): " + brief(committed.get(key)));
        } else {
          diff(path, committed.get(key), served.get(key), lines);
        }
      }
      return;
    }
    if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
      Iterator<JsonNode> c = committed.elements();
      Iterator<JsonNode> s = served.elements();
      for (int i = 0; c.hasNext(); i++) {
        diff(at + "/" + i, c.next(), s.next(), lines);
      }
      return;
    }
    lines.add("~ " + at + ": committed " + brief(committed) + ", served " + brief(served));
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() > 160 ? text.substring(0, 157) + "..." : text;
  }
}
