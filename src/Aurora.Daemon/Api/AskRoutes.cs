using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Ask;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `POST /api/v1/ask {"text": "...", "confirm": false}`: a sentence, parsed with the service names in force.
/// Read-only intents answer at once; a state-changing one answers with its plan and acts only with
/// "confirm": true, through the same interfaces as the other routes, its events saying source "ask".
internal static class AskRoutes
{
    public static void Map(Router router, Asker asker) =>
        router.Post(ApiRoutes.Prefix + "/ask", async x =>
        {
            AskRequestDto? request = null;
            try
            {
                request = x.Request.Body.IsEmpty ? null : JsonSerializer.Deserialize(x.Request.Body.Span, AuroraJsonContext.Default.AskRequestDto);
            }
            catch (JsonException ex)
            {
                await x.ErrorAsync(400, "bad_request", $"the body is not {{\"text\": \"...\", \"confirm\": false}}: {ex.Message}");
                return;
            }

            if (request?.Text is not { } text || string.IsNullOrWhiteSpace(text))
            {
                await x.ErrorAsync(400, "text_required", "send {\"text\": \"restart the api\", \"confirm\": false}");
                return;
            }

            var answer = await AnswerAsync(asker, text, request.Confirm, x.Aborted);
            if (asker.AfterAnswer(answer) is { } after)
            {
                x.OnCompleted(after);
            }

            await x.JsonAsync(answer, AuroraJsonContext.Default.AskDto);
        });

    private static async Task<AskDto> AnswerAsync(Asker asker, string text, bool confirm, CancellationToken ct)
    {
        var parse = asker.Parse(text);
        if (parse.Intent is not { } intent)
        {
            return new AskDto(text, false, null, null, null, false, null, parse.Message,
                [.. parse.Closest.Select(c => new AskSuggestionDto(c.Kind.WireName(), c.Example))]);
        }

        var plan = asker.Plan(intent);
        var waits = intent.Kind.ChangesState() && !confirm;
        var result = waits ? null : await asker.RunAsync(intent, ct);
        return new AskDto(text, true, intent.Kind.WireName(),
            new AskArgumentsDto(intent.Services, intent.All, intent.Lines, intent.ErrorsOnly, intent.Cause, intent.Since),
            plan, waits, result, null, []);
    }
}
