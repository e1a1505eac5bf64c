//! placeholder until the domain modules land
