// Test oracle: parses storage bodies exactly the way Confluence does (Woodstox, namespace-aware, wrapped
// in an <xml> element declaring the XHTML namespace and the ac:/ri: prefixes, XHTML 1.0 entities
// resolved) and prints one JSON line per body. Used only by tests, to check the engine's verdicts.
//
// Protocol on stdin: repeated [int32 big-endian byte length][UTF-8 body]. Output: one line per body,
// {"ok":true} or {"ok":false,"line":L,"column":C,"message":"..."} with positions relative to the body.
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import javax.xml.stream.*;

public class WoodstoxOracle {
  static final String PREFIX =
      "<xml xmlns=\"http://www.w3.org/1999/xhtml\""
          + " xmlns:ac=\"http://www.atlassian.com/schema/confluence/4/ac/\""
          + " xmlns:ri=\"http://www.atlassian.com/schema/confluence/4/ri/\">";

  public static void main(String[] args) throws Exception {
    Map<String, String> entities = new HashMap<>();
    for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
      if (line.isEmpty()) continue;
      String[] parts = line.split("\t");
      StringBuilder value = new StringBuilder();
      for (String cp : parts[1].split(" ")) value.appendCodePoint(Integer.parseInt(cp, 16));
      entities.put(parts[0], value.toString());
    }
    // The XML five are predefined; declaring them again is an error in Woodstox.
    for (String k : new String[] {"amp", "lt", "gt", "quot", "apos"}) entities.remove(k);

    WstxInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
    factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
    factory.setProperty(WstxInputProperties.P_CUSTOM_INTERNAL_ENTITIES, entities);

    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    while (true) {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        break;
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      String body = new String(bytes, StandardCharsets.UTF_8);
      out.println(check(factory, body));
    }
  }

  static String check(XMLInputFactory factory, String body) {
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(PREFIX + body + "</xml>"));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) reader.getText();
      }
      return "{\"ok\":true}";
    } catch (XMLStreamException e) {
      return failure(e.getMessage(), e.getLocation());
    } catch (RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof XMLStreamException) {
        XMLStreamException x = (XMLStreamException) cause;
        return failure(x.getMessage(), x.getLocation());
      }
      return failure(String.valueOf(e), null);
    }
  }

  static String failure(String message, Location location) {
    int line = location == null ? 0 : location.getLineNumber();
    int column = location == null ? 0 : location.getColumnNumber();
    if (line == 1) column -= PREFIX.length();
    String text = message == null ? "" : message;
    int at = text.indexOf("\n at [row,col");
    if (at >= 0) text = text.substring(0, at);
    return "{\"ok\":false,\"line\":" + line + ",\"column\":" + column + ",\"message\":" + json(text) + "}";
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
