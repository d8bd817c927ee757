namespace Aurora.Core.Resources;

/// Everything one tick of the sampler measured: the services with a process. Services is the sampler's own
/// buffer, valid only during the call that receives the tick.
public readonly record struct ResourceTick(DateTimeOffset Time, TimeSpan Interval, IReadOnlyList<ServiceSample> Services);
