using Aurora.Core.Notify;

namespace Aurora.Core.Tests.Notify;

public class NotifyAddressTests
{
    [Theory]
    [InlineData("/run/systemd/notify", false)]
    [InlineData("@aurora/api", true)]
    public void Reads_the_two_forms_sd_notify_accepts(string value, bool isAbstract)
    {
        var address = NotifyAddress.Parse(value);

        Assert.NotNull(address);
        Assert.Equal(isAbstract, address.IsAbstract);
        Assert.Equal(value, address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("relative/notify")]
    [InlineData("vsock:2:1234")]
    public void Anything_else_means_no_notify_socket(string? value) => Assert.Null(NotifyAddress.Parse(value));

    [Fact]
    public void An_address_too_long_for_sun_path_is_refused()
    {
        Assert.NotNull(NotifyAddress.Parse("/" + new string('a', 106)));
        Assert.Null(NotifyAddress.Parse("/" + new string('a', 107)));
        Assert.NotNull(NotifyAddress.Parse("@" + new string('a', 107)));
        Assert.Null(NotifyAddress.Parse("@" + new string('a', 108)));
    }
}
