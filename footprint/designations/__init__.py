"""Designation lists (terrorism programs) shipped with footprint, and readers for user lists."""

from footprint.designations.dataset import load_listings
from footprint.designations.records import Alias, Listing

__all__ = ["Alias", "Listing", "load_listings"]
