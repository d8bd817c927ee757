using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Resources;
using Aurora.Daemon.Resources;

namespace Aurora.IntegrationTests.Resources;

public class SampleFeedTests
{
    [Fact]
    public void A_connection_that_is_behind_gets_only_the_newest_sample()
    {
        var feed = new SampleFeed();
        var cursor = new SampleCursor(feed);
        feed.Publish([1]);
        feed.Publish([2]);
        feed.Publish([3]);

        Assert.Equal([3], cursor.TakeNewer());
        Assert.Null(cursor.TakeNewer());
    }

    [Fact]
    public async Task A_connection_that_joins_waits_for_the_next_sample()
    {
        var feed = new SampleFeed();
        feed.Publish([1]);
        var cursor = new SampleCursor(feed);
        Assert.Null(cursor.TakeNewer());
        var next = cursor.NextAsync();
        Assert.False(next.IsCompleted);

        feed.Publish([2]);

        await next.DefaultTimeout();
        Assert.Equal([2], cursor.TakeNewer());
    }

    [Fact]
    public void The_sample_line_has_the_contract_shape()
    {
        var time = DateTimeOffset.Parse("2026-12-01T18:12:16.118+00:00", System.Globalization.CultureInfo.InvariantCulture);
        var json = new SampleJson().Write(new ResourceTick(time, TimeSpan.FromSeconds(1), [new ServiceSample("api", 4242, 0.4, 31457280)]));

        Assert.Equal(
            """{"type":"resource.sample","time":"2026-12-01T18:12:16.118+00:00","interval_ms":1000,"services":[{"name":"api","pid":4242,"cpu_percent":0.4,"memory_bytes":31457280}]}""",
            System.Text.Encoding.UTF8.GetString(json));
        var dto = JsonSerializer.Deserialize(json, AuroraJsonContext.Default.ResourceSampleDto)!;
        Assert.Equal(new ServiceSampleDto("api", 4242, 0.4, 31457280), Assert.Single(dto.Services));
        Assert.Equal(("resource.sample", time, 1000L), (dto.Type, dto.Time, dto.IntervalMs));
    }

    [Fact]
    public void A_resources_answer_round_trips_through_its_dto()
    {
        var dto = new ResourcesDto(1000, [new ServiceResourcesDto("api", [new ResourcePointDto(1796150091000, 0.4, 31457280)])]);

        var json = JsonSerializer.Serialize(dto, AuroraJsonContext.Default.ResourcesDto);

        Assert.Equal("""{"interval_ms":1000,"services":[{"name":"api","samples":[[1796150091000,0.4,31457280]]}]}""", json);
        Assert.Equal(dto.Services[0].Samples, JsonSerializer.Deserialize(json, AuroraJsonContext.Default.ResourcesDto)!.Services[0].Samples);
    }
}
