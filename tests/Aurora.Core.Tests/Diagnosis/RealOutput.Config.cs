namespace Aurora.Core.Tests.Diagnosis;

internal static partial class RealOutput
{
    public const string RedisBadArgument = """

        *** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***
        Reading the configuration file, at line 3
        >>> 'appendfsync sometimes'
        argument(s) must be one of the following: everysec, always, no
        """;

    public const string RedisBadDirective = """

        *** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***
        Reading the configuration file, at line 2
        >>> 'listening yes'
        Bad directive or wrong number of arguments
        """;

    public const string NginxUnknownDirective = """
        2026/12/01 18:38:03 [emerg] 22227#22227: unknown directive "proxy_cache_path_typo" in /tmp/cap/ng/bad.conf:5
        """;

    public const string NginxUnexpectedBrace = """
        2026/12/01 18:38:03 [emerg] 22239#22239: unexpected "}" in /tmp/cap/ng/bad2.conf:5
        """;

    public const string ArgparseUsage = """
        usage: worker.py [-h] --queue QUEUE
        worker.py: error: the following arguments are required: --queue
        """;

    public const string PythonEnvMissing = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "<frozen os>", line 679, in __getitem__
        KeyError: 'DATABASE_URL'
        """;
}
