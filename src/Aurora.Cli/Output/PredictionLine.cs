using System.Globalization;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Output;

/// A service's active prediction in words, for the lines under the status table:
/// "api: memory reaches 512MiB in ~6m (now 301.5MiB, confidence 0.9)".
internal static class PredictionLine
{
    public static string Of(string service, PredictionDto p)
    {
        var eta = Format.Duration((long)(p.EtaSeconds * 1000));
        var confidence = p.Confidence.ToString("0.0#", CultureInfo.InvariantCulture);
        return p.Resource switch
        {
            "memory" => $"{service}: memory reaches {Format.Bytes(p.Limit)} in ~{eta} (now {Format.Bytes(p.Current)}, confidence {confidence})",
            "fds" => $"{service}: open files reach {p.Limit} in ~{eta} (now {p.Current}, confidence {confidence})",
            _ => $"{service}: {p.Resource} reaches {p.Limit} in ~{eta} (now {p.Current}, confidence {confidence})",
        };
    }
}
