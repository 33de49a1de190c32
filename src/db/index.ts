/** The device database: what screens and the sync layer use. */
export { createDeviceDatabase, deviceDatabaseName, type DeviceDatabase, type DeviceCollections, type DeviceDatabaseOptions } from './database';
export { openDeviceDatabase } from './open';
export { insertRow, insertRows, editRow, deleteRow } from './writes';
export { newRowId, habitLogId } from './ids';
export { SYNCED_COLLECTIONS, SYNCED_TABLE_NAMES, type SyncedTableName, type DeviceDoc } from './collections';
export type { Program } from './collections/programs';
export type { ProgramDay } from './collections/program-days';
export type { ProgramExercise } from './collections/program-exercises';
export type { WorkoutSession } from './collections/workout-sessions';
export type { SetLog } from './collections/set-logs';
export type { Habit } from './collections/habits';
export type { HabitLog } from './collections/habit-logs';
export type { Measurement } from './collections/measurements';
export type { CheckIn } from './collections/check-ins';
export type { Goal } from './collections/goals';
export type { MealPlan } from './collections/meal-plans';
export type { FoodLog } from './collections/food-logs';
