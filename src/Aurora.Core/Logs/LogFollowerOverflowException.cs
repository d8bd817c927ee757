namespace Aurora.Core.Logs;

/// A follower fell more than its queue behind and was cut off so that the writer never waits for it.
public sealed class LogFollowerOverflowException : Exception
{
    public LogFollowerOverflowException()
        : this("The log follower fell too far behind and was cut off.")
    {
    }

    public LogFollowerOverflowException(string message)
        : base(message)
    {
    }

    public LogFollowerOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
