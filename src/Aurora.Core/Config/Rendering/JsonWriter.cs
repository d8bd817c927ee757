using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Rendering;

/// Writes a document as indented JSON: mappings as objects, lists as arrays, a plain scalar as what YAML 1.2 reads
/// it as (null, true/false, a number), every other scalar as a string.
internal static class JsonWriter
{
    public static string Write(YamlNode root, SecretMask mask)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Node(json, root, [], mask);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Node(Utf8JsonWriter json, YamlNode node, List<string> path, SecretMask mask)
    {
        switch (node)
        {
            case YamlMappingNode map:
                json.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    json.WritePropertyName(name);
                    path.Add(name);
                    Node(json, value, path, mask);
                    path.RemoveAt(path.Count - 1);
                }

                json.WriteEndObject();
                break;
            case YamlSequenceNode list:
                json.WriteStartArray();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    path.Add(i.ToString(CultureInfo.InvariantCulture));
                    Node(json, list.Children[i], path, mask);
                    path.RemoveAt(path.Count - 1);
                }

                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                Scalar(json, scalar, mask.Show(path, scalar.Value ?? ""));
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void Scalar(Utf8JsonWriter json, YamlScalarNode scalar, string shown)
    {
        if (!YamlScalars.IsPlain(scalar) || shown != (scalar.Value ?? ""))
        {
            json.WriteStringValue(shown);
        }
        else if (Reading.YamlNodes.IsNullText(shown))
        {
            json.WriteNullValue();
        }
        else if (YamlScalars.IsBool(shown))
        {
            json.WriteBooleanValue(shown[0] is 't' or 'T');
        }
        else if (long.TryParse(shown, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            json.WriteNumberValue(whole);
        }
        else if (YamlScalars.IsNumber(shown, out var number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(shown);
        }
    }
}
