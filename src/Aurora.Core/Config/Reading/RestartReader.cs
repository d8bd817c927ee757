namespace Aurora.Core.Config.Reading;

internal static class RestartReader
{
    public static readonly string[] Keys = ["policy", "backoff", "limit"];

    private static readonly string[] BackoffKeys = ["initial", "max", "multiplier", "reset_after", "jitter"];

    private static readonly string[] LimitKeys = ["count", "within"];

    private static readonly (string, RestartPolicyKind)[] Policies =
    [
        ("always", RestartPolicyKind.Always),
        ("on-failure", RestartPolicyKind.OnFailure),
        ("never", RestartPolicyKind.Never),
    ];

    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    public static RestartConfig Read(YamlMap service)
    {
        if (service.Map("restart", Keys) is not { } map)
        {
            return RestartConfig.Default;
        }

        var policy = map.Choice("policy", RestartConfig.Default.Policy, Policies);
        return new RestartConfig(policy, ReadBackoff(map.Map("backoff", BackoffKeys)), ReadLimit(map.Map("limit", LimitKeys)));
    }

    private static BackoffOptions ReadBackoff(YamlMap? map)
    {
        var d = BackoffOptions.Default;
        if (map is null)
        {
            return d;
        }

        var initial = map.Duration("initial", d.Initial, TimeSpan.Zero, OneHour);
        var max = map.Duration("max", d.Max, TimeSpan.Zero, OneHour);
        if (max < initial && map.Get("max") is { } maxNode)
        {
            map.Bag.Error(maxNode.Start, map.PathOf("max"),
                $"{YamlNodes.Describe(maxNode)} is less than initial ({Parsing.DurationParser.Format(initial)}); max must be at least initial");
            max = initial;
        }

        var multiplier = map.Number("multiplier", d.Multiplier, 1, double.MaxValue);
        var resetAfter = map.Duration("reset_after", d.ResetAfter, TimeSpan.Zero, TimeSpan.MaxValue);
        var jitter = map.Number("jitter", d.Jitter, 0, 1);
        return new BackoffOptions(initial, max, multiplier, resetAfter, jitter);
    }

    private static RestartLimit ReadLimit(YamlMap? map)
    {
        var d = RestartLimit.Default;
        return map is null
            ? d
            : new RestartLimit(map.Int("count", d.Count, 1, int.MaxValue),
                map.Duration("within", d.Within, TimeSpan.FromMilliseconds(1), TimeSpan.MaxValue));
    }
}
