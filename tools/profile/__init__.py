"""The requirement profile: its strict contract, and batch files of profiles read into rows."""
