import type { Session } from '@supabase/supabase-js';
import { Navigate, Route, Routes } from 'react-router';
import { AccountScreen } from '@/features/account';
import { HomeScreen } from '@/features/dashboard';
import { CheckInReviewScreen, ClientProgressScreen, ProgressScreen, QuestionnaireEditor, TrainerCheckInsScreen } from '@/features/progress';
import { ClientBookingsScreen, TrainerBillingScreen, TrainerScheduleScreen } from '@/features/bookings';
import { ClientDetailScreen, ClientsScreen, JoinTrainerScreen } from '@/features/clients';
import { ExerciseDetailScreen, ExerciseFormScreen, LibraryScreen } from '@/features/library';
import { ProgramBuilderScreen, ProgramsScreen } from '@/features/programs';
import { ExerciseHistoryScreen, HistoryScreen, SessionScreen, TodayScreen } from '@/features/workouts';
import { AppShell } from './AppShell';
import { DeviceGate } from './DeviceGate';
import { homePathFor, type NavRole } from './navigation';
import { NotFoundScreen } from './NotFoundScreen';

/** Routes by role; a path another role uses sends you to your own start page. */
export function AppRoutes({ role, session }: { role: NavRole; session: Session }) {
  const home = homePathFor(role);
  const clientOnly = ['home', 'today', 'progress/*', 'history/*', 'bookings/*'];
  const trainerOnly = ['clients/*', 'programs/*', 'library/*', 'check-ins/*', 'schedule/*'];
  return (
    <Routes>
      <Route element={<AppShell role={role} />}>
        <Route index element={<Navigate to={home} replace />} />
        {(role === 'client' ? trainerOnly : clientOnly).map((path) => (
          <Route key={path} path={path} element={<Navigate to={home} replace />} />
        ))}
        {/* Redirects above go at once; screens wait for the device database. */}
        <Route element={<DeviceGate />}>
          {role === 'client' ? (
            <>
              <Route path="home" element={<HomeScreen />} />
              <Route path="today" element={<TodayScreen />} />
              <Route path="progress/*" element={<ProgressScreen />} />
              <Route path="history" element={<HistoryScreen />} />
              <Route path="history/:sessionId" element={<SessionScreen />} />
              <Route path="history/exercise/:exerciseId" element={<ExerciseHistoryScreen />} />
              <Route path="bookings" element={<ClientBookingsScreen />} />
              <Route path="join" element={<JoinTrainerScreen />} />
              <Route path="join/:code" element={<JoinTrainerScreen />} />
            </>
          ) : (
            <>
              <Route path="clients" element={<ClientsScreen />} />
              <Route path="clients/:clientId" element={<ClientDetailScreen />} />
              <Route path="programs" element={<ProgramsScreen />} />
              <Route path="programs/:programId" element={<ProgramBuilderScreen />} />
              <Route path="schedule" element={<TrainerScheduleScreen />} />
              <Route path="schedule/billing" element={<TrainerBillingScreen />} />
              <Route path="library" element={<LibraryScreen />} />
              <Route path="library/new" element={<ExerciseFormScreen />} />
              <Route path="library/:exerciseId" element={<ExerciseDetailScreen />} />
              <Route path="library/:exerciseId/edit" element={<ExerciseFormScreen />} />
              <Route path="check-ins" element={<TrainerCheckInsScreen />} />
              <Route path="check-ins/questionnaire" element={<QuestionnaireEditor />} />
              <Route path="check-ins/review/:checkInId" element={<CheckInReviewScreen />} />
              <Route path="check-ins/client/:clientId" element={<ClientProgressScreen />} />
            </>
          )}
          <Route path="account" element={<AccountScreen session={session} />} />
          <Route path="*" element={<NotFoundScreen home={home} />} />
        </Route>
      </Route>
    </Routes>
  );
}
