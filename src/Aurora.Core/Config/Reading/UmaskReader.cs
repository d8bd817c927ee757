using System.Text.RegularExpressions;

namespace Aurora.Core.Config.Reading;

/// `umask: "022"`: the service's file-creation mask, an octal string (SPEC §3); absent means the umask of
/// whoever ran `aurora up`.
internal static partial class UmaskReader
{
    public static int? Read(YamlMap service)
    {
        if (service.Get("umask") is not { } node || ScalarReader.Text(node, service.PathOf("umask"), service.Bag, "an octal string such as \"022\"") is not { } text)
        {
            return null;
        }

        if (Octal().IsMatch(text) && Convert.ToInt32(text, 8) is var mask && mask <= 0b111_111_111)
        {
            return mask;
        }

        service.Bag.Error(node.Start, service.PathOf("umask"),
            $"{YamlNodes.Quote(text)} is not a umask; use octal digits from 000 to 777, e.g. umask: \"022\" (or \"077\" to keep its files private)");
        return null;
    }

    [GeneratedRegex("^[0-7]{1,4}$")]
    private static partial Regex Octal();
}
