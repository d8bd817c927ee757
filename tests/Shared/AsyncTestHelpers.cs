using System.Runtime.CompilerServices;

namespace Aurora.Tests;

/// Shared by the test projects (linked, not copied). Bounds every await in a test: a hang fails with the caller's file and line instead of stalling the run.
public static class AsyncTestHelpers
{
    public static readonly TimeSpan DefaultTimeoutDuration = TimeSpan.FromSeconds(20);

    public static Task DefaultTimeout(this Task task, TimeSpan? timeout = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout ?? DefaultTimeoutDuration).ContinueWith(t =>
        {
            if (t.Exception?.InnerException is TimeoutException)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeoutDuration).TotalSeconds}s at {Path.GetFileName(file)}:{line}");
            }

            t.GetAwaiter().GetResult();
        }, TaskScheduler.Default);

    public static async Task<T> DefaultTimeout<T>(this Task<T> task, TimeSpan? timeout = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeoutDuration);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeoutDuration).TotalSeconds}s at {Path.GetFileName(file)}:{line}");
        }
    }
}
