namespace Aurora.IntegrationTests.Http;

/// A fresh HttpTestServer with the standard routes for every test, stopped after it.
public abstract class ServerPerTest : IAsyncLifetime
{
    private protected HttpTestServer Server { get; } = new();

    public ValueTask InitializeAsync()
    {
        Server.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
