[assembly: AssemblyFixture(typeof(Aurora.BrowserTests.Support.BrowserFixture))]
