using Aurora.Core.Config;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Api;

/// What the service routes read: the services as of a committed seq, their configs and their logs.
public interface IServiceReader
{
    CommittedServices Committed { get; }

    /// The service names, in start order.
    IReadOnlyList<string> Names { get; }

    ServiceSnapshot? Current(string name);

    ServiceConfig? ConfigOf(string name);

    ServiceLog? LogOf(string name);
}
