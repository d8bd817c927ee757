using System.Text;
using Aurora.Core.Processes;

namespace Aurora.IntegrationTests.Boot;

/// Collects a child's output as text.
internal sealed class TextSink : IOutputSink
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _completed.Task;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        lock (_text)
        {
            _text.Append(Encoding.UTF8.GetString(chunk));
        }
    }

    public void Complete() => _completed.TrySetResult();
}
