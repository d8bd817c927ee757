namespace Aurora.Core.Doctor.Advisories;

/// The CVSS v3.0/v3.1 base score of a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H` → 9.8), from the
/// specification's formulas, and its qualitative rating.
public static class CvssV3
{
    public static double? BaseScore(string vector)
    {
        if (!vector.StartsWith("CVSS:3.", StringComparison.Ordinal))
        {
            return null;
        }

        var m = vector.Split('/').Skip(1).Select(p => p.Split(':')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!m.TryGetValue("S", out var s) || s is not ("U" or "C"))
        {
            return null;
        }

        var changed = s == "C";
        double? av = m.GetValueOrDefault("AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = m.GetValueOrDefault("AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = m.GetValueOrDefault("PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = m.GetValueOrDefault("UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        var (c, i, a) = (Cia(m.GetValueOrDefault("C")), Cia(m.GetValueOrDefault("I")), Cia(m.GetValueOrDefault("A")));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            return null;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0)
        {
            return 0;
        }

        return RoundUp(Math.Min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
    }

    /// The rating words GitHub's advisories use (CVSS's "medium" is their "moderate").
    public static string Rating(double score) => score switch
    {
        0 => "none",
        < 4 => "low",
        < 7 => "moderate",
        < 9 => "high",
        _ => "critical",
    };

    private static double? Cia(string? value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0, _ => null };

    /// CVSS 3.1 Appendix A: the smallest one-decimal number not below the input, without float noise.
    private static double RoundUp(double value)
    {
        var scaled = (long)Math.Round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.Floor(scaled / 10000.0) + 1) / 10.0;
    }
}
