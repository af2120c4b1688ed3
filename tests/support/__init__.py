"""What the tests share: fakes of the upstreams, real servers on loopback ports, callers, clocks and settings.

Tests import from here, never from another test module.
"""
